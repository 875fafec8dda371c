package dev.plumbline.collectors.demo;

/**
 * A customer of the demo platform.
 *
 * @param rps           its average requests per second over all services it uses (before the daily cycle)
 * @param dataVolumeGb  how much data it keeps with the platform; large volumes make one service slow (planted)
 */
public record DemoCustomer(String id, double rps, double dataVolumeGb, String region) {
}
