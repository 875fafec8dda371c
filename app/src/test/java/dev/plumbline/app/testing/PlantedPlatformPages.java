package dev.plumbline.app.testing;

import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For browser tests of the figure pages: the planted platform (October 2026) in the class's database, the app on it
 * (its clock at {@link RunningApp#NOW}, so October 2026 is a closed month on any machine date), and Chromium. Subclasses compare what a page shows with the REST API for the same parameters.
 */
@ExtendWith(ClickHouseExtension.class)
public abstract class PlantedPlatformPages {

    protected static RunningApp app;
    protected static Browser browser;

    @BeforeAll
    static void startPlantedApp(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of());
        browser = new Browser();
    }

    @AfterEach
    void closePages() {
        browser.closePages();
    }

    @AfterAll
    static void stopPlantedApp() {
        browser.close();
        app.close();
    }
}
