package dev.plumbline.sql.psr;

/**
 * Seat consumption: how much of what a customer pays for is used, the figure account teams ask for.
 *
 * @param share active users / seats; null when either is unknown or there are no seats; above 1 when more are active
 */
public record SeatConsumption(Integer activeUsers, Integer seats, Double share) {

    public static SeatConsumption of(Integer activeUsers, Integer seats) {
        return new SeatConsumption(activeUsers, seats,
                activeUsers == null || seats == null || seats <= 0 ? null : activeUsers / (double) seats);
    }
}
