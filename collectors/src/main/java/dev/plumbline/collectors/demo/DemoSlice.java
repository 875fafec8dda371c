package dev.plumbline.collectors.demo;

/** One customer on one service of the demo platform. */
public record DemoSlice(String service, String customer) {
}
