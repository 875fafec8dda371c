package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Customers as of a date. ARR (and its currency) is in the response only for callers allowed to see money; for the
 * others the fields are absent, not empty.
 */
@Controller("/api/v1/customers")
@Secured({Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomersController {

    private final CustomerStore customers;
    private final Clock clock;

    public CustomersController(CustomerStore customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Get
    public Page<CustomerInfo> listCustomers(@QueryValue(defaultValue = "0") @Min(0) int offset,
                                   @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                   @Nullable @QueryValue LocalDate asOf, Authentication authentication) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        boolean money = (Authentications.identity(authentication).orElseThrow()).can(Permission.VIEW_MONEY);
        return new Page<>(customers.count(date), offset, limit,
                customers.page(date, offset, limit).stream().map(c -> CustomerInfo.of(c, money)).toList());
    }

    /** A customer; {@code arr} and {@code currency} are null (and left out of the JSON) without money permission. */
    @Serdeable
    public record CustomerInfo(String id, String name, String segment, String region, String plan, int seats,
                               int activeUsers, @Nullable LocalDate renewalDate, double dataVolumeGb,
                               @Nullable BigDecimal arr, @Nullable String currency) {

        static CustomerInfo of(Customer c, boolean money) {
            return new CustomerInfo(c.id(), c.name(), c.segment(), c.region(), c.plan(), c.seats(), c.activeUsers(),
                    c.renewalDate(), c.dataVolumeGb(), money ? c.arr() : null, money ? c.currency() : null);
        }
    }
}
