package dev.plumbline.sql.triggers;

/**
 * A trigger's figure for one subject at an evaluation, with what a message about it may say.
 *
 * @param label         what a reader recognises: the customer's name (its id when unknown), or the service
 * @param arr           the customer's ARR in the reporting currency, or null (a service, or unknown)
 * @param revenueAtRisk the subject's revenue at risk over the window, in the reporting currency
 */
public record Reading(String subject, String label, double value, Double arr, double revenueAtRisk) {
}
