package io.clientbook.task;

/** What a task is for; the generated ones carry the type of the rule that made them. */
public enum TaskType {
    THANK_YOU, SATISFACTION_SURVEY, CHECK_IN, BIRTHDAY_GREETING, HOLIDAY_GREETING, PROMOTION_INVITE,
    COMPLAINT_FOLLOW_UP, WIN_BACK, VIP_WELCOME, PURCHASE_INTENT, CUSTOM;

    /**
     * Marketing-type tasks need the customer's consent on their channel and count for the contact
     * frequency cap: everything but answering a complaint, which the customer asked for.
     */
    public boolean marketing() {
        return this != COMPLAINT_FOLLOW_UP;
    }
}
