package io.clientbook.security;

/**
 * How personal contact data looks to a caller who may not see it (the {@code analyst} role): enough
 * to tell records apart and spot bad data, not enough to contact or identify anyone. Birth dates are
 * withheld entirely (null): a date cannot be partly shown without being a different, wrong date.
 * One place, so every path — single reads, lists, search, export, events — masks the same way.
 */
public final class ContactMasking {

    private ContactMasking() {
    }

    /** Whether this caller must get masked contact data. */
    public static boolean appliesTo(Caller caller) {
        return caller.hasRole(Roles.ANALYST) && !caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.AGENT);
    }

    /** {@code mei.chen@example.com} → {@code m***@example.com}; null stays null. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Every digit but the last two hidden, separators kept: {@code +44 20 7946 0958} → {@code +** ** **** **58}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(phone.length());
        int seen = 0;
        for (char ch : phone.toCharArray()) {
            if (Character.isDigit(ch)) {
                seen++;
                masked.append(seen > digits - 2 ? ch : '*');
            } else {
                masked.append(ch);
            }
        }
        return masked.toString();
    }
}
