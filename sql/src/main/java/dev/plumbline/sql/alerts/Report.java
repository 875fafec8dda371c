package dev.plumbline.sql.alerts;

import dev.plumbline.sql.alerts.RuleManager.Firing;
import java.time.Duration;
import java.util.List;

/**
 * What one candidate policy would have done over a history.
 *
 * @param policy        the candidate's name
 * @param alerts        firing episodes of any of its rules (overlapping ones of several rules count once)
 * @param pages         firing episodes of its page rules
 * @param pagesPerWeek  pages / the history's weeks
 * @param pagesOffHours pages that started outside business hours
 * @param timeFiring    how long any of its rules was firing
 * @param flaps         alerts that fired again within the cooldown after the one before resolved
 * @param episodes      each bad episode of the history and how this policy did on it
 * @param caught        bad episodes during which it fired
 * @param missed        bad episodes during which it did not
 * @param precision     share of its alerts that overlapped a bad episode (null: it never fired)
 * @param recall        share of the bad episodes it caught (null: there were none)
 * @param rules         each rule's firing episodes
 */
public record Report(String policy, int alerts, int pages, double pagesPerWeek, int pagesOffHours, Duration timeFiring,
                     int flaps, List<Outcome> episodes, int caught, int missed, Double precision, Double recall,
                     List<RuleFirings> rules) {

    /**
     * One bad episode as a policy met it.
     *
     * @param detection          from the start of the burn to the first firing (zero when it was already firing);
     *                           null when missed
     * @param budgetBeforeFiring the share of the period's budget burned from the start to the first firing
     * @param reset              from recovery (the episode's end) to the resolve of the last alert during it; null
     *                           when missed or still firing at the end of the history
     */
    public record Outcome(BadEpisode episode, boolean caught, Duration detection, Double budgetBeforeFiring,
                          Duration reset) {
    }

    /** One rule's firings. */
    public record RuleFirings(String rule, String severity, List<Firing> firings) {
    }
}
