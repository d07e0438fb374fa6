package io.clientbook.complaint;

/** How bad a complaint is, as the agent who records it judges. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
