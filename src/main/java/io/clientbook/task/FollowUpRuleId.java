package io.clientbook.task;

/** The follow-up rules: the set is fixed (the code knows each trigger); their settings are stored. */
public enum FollowUpRuleId {
    THANK_YOU(TaskType.THANK_YOU, "purchase recorded"),
    SATISFACTION_SURVEY(TaskType.SATISFACTION_SURVEY, "purchase recorded"),
    CHECK_IN(TaskType.CHECK_IN, "no outbound contact for the tier's interval (daily job)"),
    BIRTHDAY_GREETING(TaskType.BIRTHDAY_GREETING, "the customer's birthday (daily job)"),
    HOLIDAY_GREETING(TaskType.HOLIDAY_GREETING, "a holiday of the rule's list (daily job)"),
    COMPLAINT_FOLLOW_UP(TaskType.COMPLAINT_FOLLOW_UP, "complaint opened / resolved"),
    PURCHASE_INTENT(TaskType.PURCHASE_INTENT, "buying stage set to INTERESTED / NOT_NOW with an expected date"),
    VIP_WELCOME(TaskType.VIP_WELCOME, "tier changed to A (tier run)"),
    WIN_BACK(TaskType.WIN_BACK, "tier dropped from A, or RFM segment became AT_RISK or CANNOT_LOSE (tier run)");

    private final TaskType type;
    private final String trigger;

    FollowUpRuleId(TaskType type, String trigger) {
        this.type = type;
        this.trigger = trigger;
    }

    public TaskType type() {
        return type;
    }

    /** What makes the rule fire, in words. */
    public String trigger() {
        return trigger;
    }

    /** Date rules are run by the daily job; the others fire with their trigger's transaction. */
    public boolean dateRule() {
        return this == CHECK_IN || this == BIRTHDAY_GREETING || this == HOLIDAY_GREETING;
    }
}
