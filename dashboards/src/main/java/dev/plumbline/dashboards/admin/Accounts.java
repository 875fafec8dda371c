package dev.plumbline.dashboards.admin;

import java.util.List;
import java.util.Set;

/**
 * User administration, as the Users page and the users API need it. Implemented by the application (it hashes
 * passwords); every method checks its input and throws {@link IllegalArgumentException} naming what is wrong.
 */
public interface Accounts {

    /** Every user, by name, without password hashes. */
    List<Account> all();

    /** The roles that exist (configured), in order. */
    List<String> roles();

    /** Creates a user; fails if the name is taken. */
    Account create(NewAccount account);

    /** Changes a user's display name, roles and disabled flag; fails if there is no such user. */
    Account update(String username, String displayName, Set<String> roles, boolean disabled);

    /** Sets a new password; fails if there is no such user or the password is too weak. */
    void setPassword(String username, String password);

    /** A user as administrators see it. */
    record Account(String username, String displayName, List<String> roles, boolean disabled) {
    }

    /** What it takes to create a user. */
    record NewAccount(String username, String displayName, Set<String> roles, String password) {

        @Override
        public String toString() {
            return "NewAccount[" + username + ", roles=" + roles + "]";
        }
    }
}
