package dev.plumbline.app.security;

import dev.plumbline.dashboards.access.SignIn;
import dev.plumbline.dashboards.access.SignInException;
import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.auth.User;
import dev.plumbline.sql.auth.UserStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users: signing in (the sign-in page and basic auth on the API), refreshing a session's identity, and
 * administration (the Users page and the users API). Passwords are never logged.
 */
@Singleton
public class AccountService implements SignIn, Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final UserStore users;
    private final Passwords passwords;
    private final RoleCatalog roles;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    public AccountService(UserStore users, Passwords passwords, RoleCatalog roles, SignInThrottle throttle, Clock clock,
                          SecurityProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.roles = roles;
        this.throttle = throttle;
        this.clock = clock;
        this.refreshAfter = properties.identityRefresh();
    }

    /** A sign-in through the sign-in page: logged at INFO. */
    @Override
    public Identity signIn(String username, String password, String clientAddress) {
        Identity identity = check(username, password, clientAddress);
        LOG.info("'{}' signed in from {}", identity.name(), clientAddress);
        return identity;
    }

    /**
     * Basic auth on an API call: the same check as the sign-in page, but a script makes one per request, so its
     * success is logged at DEBUG only (failures and lockouts at INFO and WARN, as for the page).
     */
    public Identity signInBasic(String username, String password, String clientAddress) {
        Identity identity = check(username, password, clientAddress);
        LOG.debug("'{}' signed in with basic auth from {}", identity.name(), clientAddress);
        return identity;
    }

    private Identity check(String username, String password, String clientAddress) {
        String name = normalize(username);
        Optional<Duration> blocked = throttle.blocked(name, clientAddress);
        if (blocked.isPresent()) {
            LOG.warn("sign-in refused for '{}' from {}: too many failures", name, clientAddress);
            throw new SignInException("Too many failed sign-ins for this user or from this address. Try again in "
                    + minutes(blocked.get()) + ".");
        }
        Optional<User> user = name.isEmpty() ? Optional.empty() : users.find(name);
        boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(null));
        if (!matches) {
            throttle.failed(name, clientAddress);
            LOG.info("failed sign-in for '{}' from {}", name, clientAddress);
            throw new SignInException("Wrong user name or password.");
        }
        if (user.get().disabled()) {
            LOG.info("sign-in of disabled user '{}' from {}", name, clientAddress);
            throw new SignInException("This account is disabled. Ask an administrator.");
        }
        throttle.succeeded(name);
        return identityOf(user.get(), "password");
    }

    @Override
    public Optional<Identity> refresh(Identity sessionIdentity) {
        if ("oidc".equals(sessionIdentity.via())) {
            // Roles came from the identity provider at sign-in; the session timeout bounds how long they hold.
            return Optional.of(sessionIdentity);
        }
        Instant now = clock.instant();
        Cached cached = recent.get(sessionIdentity.name());
        Optional<User> user;
        if (cached != null && cached.readAt().plus(refreshAfter).isAfter(now)) {
            user = cached.user();
        } else {
            user = users.find(sessionIdentity.name());
            recent.put(sessionIdentity.name(), new Cached(user, now));
        }
        return user.filter(u -> !u.disabled()).map(u -> identityOf(u, sessionIdentity.via()));
    }

    Identity identityOf(User user, String via) {
        return new Identity(user.username(), user.displayName(), Set.copyOf(user.roles()),
                roles.permissionsOf(user.roles()), via);
    }

    @Override
    public List<Account> all() {
        return users.all().stream().map(AccountService::account).toList();
    }

    @Override
    public List<String> roles() {
        return roles.names();
    }

    @Override
    public Account create(NewAccount account) {
        String name = account.username() == null ? "" : account.username().strip();
        User probe = user(name, account.displayName(), List.copyOf(account.roles() == null ? Set.of() : account.roles()),
                "-", false);
        roles.requireKnown(probe.roles());
        passwords.checkNew(account.password());
        if (users.find(name).isPresent()) {
            throw new IllegalArgumentException("username: '" + name + "' is taken");
        }
        User user = new User(name, probe.displayName(), sorted(probe.roles()), passwords.hash(account.password()), false);
        users.save(user);
        LOG.info("user '{}' created with roles {}", name, user.roles());
        return account(user);
    }

    /**
     * Synchronized: two administrators demoting each other at once must not both pass the last-administrator check
     * (one app process writes users).
     */
    @Override
    public synchronized Account update(String username, String displayName, Set<String> roleNames, boolean disabled) {
        User existing = users.find(username).orElseThrow(() -> new UnknownUser(username));
        roles.requireKnown(roleNames);
        User user = new User(existing.username(), displayName == null ? existing.displayName() : displayName,
                sorted(roleNames), existing.passwordHash(), disabled);
        keepAnAdministrator(existing, user);
        users.save(user);
        recent.remove(username);
        LOG.info("user '{}' updated: roles {}{}", username, user.roles(), disabled ? ", disabled" : "");
        return account(user);
    }

    /** Refuses a change that takes the last enabled administrator's permission to administer away. */
    private void keepAnAdministrator(User before, User after) {
        if (!administers(before) || administers(after)) {
            return;
        }
        boolean another = users.all().stream()
                .anyMatch(u -> !u.username().equals(before.username()) && administers(u));
        if (!another) {
            throw new LastAdministrator(after.disabled() ? "disabled" : "roles", "'" + before.username()
                    + "' is the last enabled user who may administer; give that permission to another user first, "
                    + "or nobody could manage users any more");
        }
    }

    private boolean administers(User user) {
        return !user.disabled() && roles.permissionsOf(user.roles()).contains(Permission.ADMINISTER);
    }

    @Override
    public void setPassword(String username, String password) {
        User existing = users.find(username).orElseThrow(() -> new UnknownUser(username));
        passwords.checkNew(password);
        users.save(new User(existing.username(), existing.displayName(), existing.roles(), passwords.hash(password),
                existing.disabled()));
        LOG.info("password of '{}' changed", username);
    }

    /** A user record, with the record's own check of the name reported against the field {@code username}. */
    private static User user(String name, String displayName, List<String> roleNames, String hash, boolean disabled) {
        try {
            return new User(name, displayName, roleNames, hash, disabled);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("username: " + e.getMessage(), e);
        }
    }

    private static List<String> sorted(java.util.Collection<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(null);
        return out;
    }

    private static Account account(User user) {
        return new Account(user.username(), user.displayName(), user.roles(), user.disabled());
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private record Cached(Optional<User> user, Instant readAt) {
    }
}
