package dev.plumbline.sql.auth;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone who may sign in.
 *
 * @param username     sign-in name: lower case letters, digits, '.', '_', '-' and '@'
 * @param displayName  what to call them
 * @param roles        role names
 * @param passwordHash bcrypt hash of the password; never the password
 * @param disabled     a disabled user cannot sign in, and their sessions end at the next request
 */
public record User(String username, String displayName, List<String> roles, String passwordHash, boolean disabled) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name '" + username + "' must be 1 to 100 lower case letters, "
                    + "digits, '.', '_', '-' or '@', starting with a letter or digit");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[" + username + ", roles=" + roles + (disabled ? ", disabled" : "") + "]";
    }
}
