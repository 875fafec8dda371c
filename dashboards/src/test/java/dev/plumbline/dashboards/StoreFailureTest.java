package dev.plumbline.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.StoreException;
import org.junit.jupiter.api.Test;

class StoreFailureTest {

    private static final StoreException WRONG = new StoreException("count_services", 60, false,
            "query count_services failed: Code: 60. DB::Exception: Unknown table expression identifier 'services'", null);
    private static final StoreException AWAY = new StoreException("count_services", -1, true,
            "query count_services failed: Connect to http://10.0.0.5:8123 failed: Connection refused", null);

    @Test
    void a_page_says_what_cannot_be_shown_with_an_error_id_and_never_the_stores_message() {
        String text = StoreFailure.describe("The ranking cannot be computed", WRONG);

        assertThat(text).matches("The ranking cannot be computed right now \\(error id [0-9a-f]{12}; the server's "
                + "log has the details\\)\\.");
    }

    @Test
    void when_trying_again_may_help_the_page_says_so_and_still_not_where_the_store_is() {
        String text = StoreFailure.describe("The summary cannot be computed", AWAY);

        assertThat(text).startsWith("The summary cannot be computed right now: the store cannot be reached or is "
                + "overloaded; try again in a few seconds (error id ").doesNotContain("10.0.0.5", "refused");
    }

    @Test
    void each_failure_gets_its_own_id() {
        assertThat(StoreFailure.describe("x", WRONG)).isNotEqualTo(StoreFailure.describe("x", WRONG));
    }
}
