package dev.plumbline.dashboards.admin;

import java.util.List;
import java.util.Set;

/**
 * User administration, as the Users page and the users API need it. Implemented by the application (it hashes
 * passwords); every method checks its input and throws {@link IllegalArgumentException} naming what is wrong: an
 * {@link UnknownUser} when the user does not exist, a {@link LastAdministrator} when the change would leave no
 * enabled administrator.
 */
public interface Accounts {

    /** Every user, by name, without password hashes. */
    List<Account> all();

    /** The roles that exist (configured), in order. */
    List<String> roles();

    /** Creates a user; fails if the name is taken. */
    Account create(NewAccount account);

    /**
     * Changes a user's display name, roles and disabled flag; fails if there is no such user, or if the user is the
     * last enabled administrator and would no longer be one (demoted or disabled).
     */
    Account update(String username, String displayName, Set<String> roles, boolean disabled);

    /** Sets a new password; fails if there is no such user or the password is too weak. */
    void setPassword(String username, String password);

    /** There is no user by that name. */
    final class UnknownUser extends IllegalArgumentException {

        public UnknownUser(String username) {
            super("username: no user named '" + username + "'");
        }
    }

    /**
     * The change would leave the instance without an enabled user who may administer (nobody could manage users
     * any more).
     *
     * @see #field() the field whose change is refused: roles or disabled
     */
    final class LastAdministrator extends IllegalArgumentException {

        private final String field;

        public LastAdministrator(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

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
