package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.collectors.customers.CustomerCsvWriter;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.SeatConsumption;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.PathVariable;
import jakarta.validation.constraints.Size;
import java.util.List;
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
 * others the fields are absent, not empty. For roles with view-business, as the Customers page.
 */
@Controller("/api/v1/customers")
@Secured(Permission.VIEW_BUSINESS)   // the Customers page's permission: names, seats, renewal dates
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomersController {

    private final CustomerStore customers;
    private final CurrencyRates rates;
    private final Clock clock;

    public CustomersController(CustomerStore customers, CurrencyRates rates, Clock clock) {
        this.customers = customers;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * A page of customers as of a date, by id.
     *
     * @param asOf the date, YYYY-MM-DD from 2000-01-01 to 2099-12-31 (default today, UTC)
     */
    @Get
    public Page<CustomerInfo> listCustomers(@QueryValue(defaultValue = "0") @Min(0) int offset,
                                   @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                   @Nullable @QueryValue LocalDate asOf, Authentication authentication) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        boolean money = money(authentication);
        return new Page<>(customers.count(date), offset, limit,
                customers.page(date, offset, limit).stream().map(c -> CustomerInfo.of(c, money, rates)).toList());
    }

    /** How a customer changed over time: every row, oldest first. 404 for an unknown id. */
    @Get("/{id}/history")
    public List<CustomerInfo> customerHistory(@PathVariable @Size(max = 128) String id, Authentication authentication) {
        boolean money = money(authentication);
        List<Customer> rows = customers.history(id);
        if (rows.isEmpty()) {
            throw RequestRefused.notFound("id", "no customer with id '" + id + "'");
        }
        return rows.stream().map(c -> CustomerInfo.of(c, money, rates)).toList();
    }

    /**
     * Customers as of a date as CSV (the import's format; it imports back). Cells a spreadsheet would run as a
     * formula are escaped; unknown values (seats, active users, renewal date, data volume) are empty cells, never 0.
     * Money columns only for callers allowed to see money.
     *
     * @param asOf the date, YYYY-MM-DD from 2000-01-01 to 2099-12-31 (default today, UTC)
     */
    @Get(value = "/export.csv", produces = "text/csv")
    @Secured(Permission.EXPORT)
    public HttpResponse<String> exportCustomersCsv(@Nullable @QueryValue LocalDate asOf, Authentication authentication) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<Customer> all = customers.page(date, 0, Integer.MAX_VALUE);
        return HttpResponse.ok(CustomerCsvWriter.write(all, money(authentication)))
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"customers-" + date + ".csv\"");
    }

    private static boolean money(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow().can(Permission.VIEW_MONEY);
    }

    /**
     * A customer. The money fields are null (and left out of the JSON) without money permission; seats, activeUsers,
     * renewalDate and dataVolumeGb are left out when the source did not give them (unknown, not 0).
     *
     * @param seatConsumption     active users / seats (absent when either is unknown)
     * @param arr                 ARR in its own currency
     * @param arrReporting        ARR converted to the reporting currency (plumbline.currency)
     * @param reportingCurrency   the reporting currency
     */
    @Serdeable
    public record CustomerInfo(String id, String name, String segment, String region, String plan,
                               @Nullable Integer seats, @Nullable Integer activeUsers, @Nullable Double seatConsumption,
                               @Nullable LocalDate renewalDate, @Nullable Double dataVolumeGb,
                               LocalDate effectiveFrom, @Nullable BigDecimal arr, @Nullable String currency,
                               @Nullable BigDecimal arrReporting, @Nullable String reportingCurrency) {

        static CustomerInfo of(Customer c, boolean money, CurrencyRates rates) {
            return new CustomerInfo(c.id(), c.name(), c.segment(), c.region(), c.plan(), c.seats(), c.activeUsers(),
                    SeatConsumption.of(c.activeUsers(), c.seats()).share(), c.renewalDate(), c.dataVolumeGb(), c.effectiveFrom(), money ? c.arr() : null,
                    money ? c.currency() : null,
                    money && rates.knows(c.currency()) ? rates.toReporting(c.arr(), c.currency()) : null,
                    money ? rates.reporting() : null);
        }
    }
}
