package dev.plumbline.app.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list.
 *
 * @param total  items in the whole list
 * @param offset index of the first item of this page
 * @param limit  the most items a page holds
 * @param items  this page's items
 */
@Serdeable
public record Page<T>(long total, int offset, int limit, List<T> items) {
}
