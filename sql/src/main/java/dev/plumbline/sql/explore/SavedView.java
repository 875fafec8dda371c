package dev.plumbline.sql.explore;

import java.time.Instant;

/**
 * An Explore view saved by name.
 *
 * @param id      stable, opens the view by URL (explore?view=ID)
 * @param owner   who saved it: the only one who may change or delete it (an administrator may delete any)
 * @param shared  false: only its owner lists and opens it; true: everyone who may see its figures
 * @param savedAt when it was last saved (the application's clock)
 */
public record SavedView(String id, String name, String owner, boolean shared, ExploreQuery query, Instant createdAt,
                        Instant savedAt) {
}
