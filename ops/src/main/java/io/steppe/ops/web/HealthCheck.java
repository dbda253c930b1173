package io.steppe.ops.web;

/** One part of Steppe that {@code /health} asks whether it is up; each started service contributes one. */
public interface HealthCheck {

    /** A short name that {@code /health} shows, e.g. {@code database}. */
    String name();

    /** Whether the part answers now; must return within a second or two. */
    boolean isUp();
}
