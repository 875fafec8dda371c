package dev.plumbline.app.api;

import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;

/** Users and their roles (administrators only). Passwords go in, never out. */
@Controller("/api/v1/users")
@Secured(Permission.ADMINISTER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersController {

    private final Accounts accounts;

    public UsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Get
    public List<Accounts.Account> listUsers() {
        return accounts.all();
    }

    @Post
    @Status(HttpStatus.CREATED)
    public Accounts.Account createUser(@Body @Valid NewUser user) {
        return accounts.create(new Accounts.NewAccount(user.username(), user.displayName(), user.roles(), user.password()));
    }

    /**
     * Changes a user's display name, roles and disabled flag. 404 for an unknown user; 409 when the user is the last
     * enabled one who may administer and would no longer be (demoted or disabled).
     */
    @Put("/{username}")
    public Accounts.Account updateUser(@PathVariable String username, @Body @Valid UserChange change) {
        try {
            return accounts.update(username, change.displayName(), change.roles(), change.disabled());
        } catch (Accounts.UnknownUser e) {
            throw RequestRefused.notFound("username", e.getMessage());
        } catch (Accounts.LastAdministrator e) {
            throw RequestRefused.conflict(e.field(), e.getMessage());
        }
    }

    /** Sets a user's password; 404 for an unknown user. */
    @Put("/{username}/password")
    public HttpResponse<Void> setUserPassword(@PathVariable String username, @Body @Valid NewPassword body) {
        try {
            accounts.setPassword(username, body.password());
        } catch (Accounts.UnknownUser e) {
            throw RequestRefused.notFound("username", e.getMessage());
        }
        return HttpResponse.noContent();
    }

    /** A new user. */
    @Serdeable
    public record NewUser(@NotBlank String username, String displayName, @NotEmpty Set<String> roles,
                          @NotBlank String password) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", roles=" + roles + "]";
        }
    }

    /** What an administrator may change about a user. */
    @Serdeable
    public record UserChange(String displayName, @NotEmpty Set<String> roles, @NotNull Boolean disabled) {
    }

    /** A password to set. */
    @Serdeable
    public record NewPassword(@NotBlank String password) {

        @Override
        public String toString() {
            return "NewPassword[...]";
        }
    }
}
