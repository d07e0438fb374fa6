package io.clientbook.segment.rest;

import java.util.regex.Pattern;

/**
 * Keeps exported text from being run as a spreadsheet formula (CSV injection, OWASP): a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed
 * with an apostrophe, which spreadsheets read as "this is text". Plain numbers and phone numbers
 * ({@code +44 20 7946 0958}, masked {@code +** ** **** **58}, {@code -12.50}) are left alone: without
 * letters a cell cannot call anything, and prefixing every international phone number would spoil
 * the export.
 */
final class SpreadsheetFormulas {

    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9*][0-9* ().-]*");

    private SpreadsheetFormulas() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!trigger || NUMBER_LIKE.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
