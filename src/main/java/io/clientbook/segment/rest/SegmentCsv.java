package io.clientbook.segment.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.clientbook.common.db.PostgresText;
import io.clientbook.security.ContactMasking;
import io.clientbook.segment.SegmentQueries;

/**
 * Writes export rows as RFC 4180 CSV (commons-csv does the quoting), one record per row as it
 * arrives from the cursor; text that a spreadsheet would run as a formula is neutralised
 * ({@link SpreadsheetFormulas}); with {@code masked}, e-mail and phone are masked and the birth date
 * left empty, as {@link ContactMasking} says.
 */
final class SegmentCsv implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(SegmentQueries.EXPORT_COLUMNS.toArray(String[]::new)).get();

    private final CSVPrinter printer;
    private final boolean masked;
    private final Object[] record = new Object[SegmentQueries.EXPORT_COLUMNS.size()];
    /** How each column is written, from the result's metadata on the first row. */
    private Kind[] kinds;

    /**
     * Timestamps as UTC instants and dates as ISO dates, read from the server's text by {@link PostgresText}
     * (once each: reading them as {@code java.sql.Timestamp} to find their type and then again as
     * {@code OffsetDateTime} parsed every one twice, six per row); numbers without exponent; the rest as the
     * driver gives them.
     */
    private enum Kind {
        TIMESTAMP, DATE, NUMBER, OTHER
    }

    SegmentCsv(OutputStream out, boolean masked) throws IOException {
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), FORMAT);
        this.masked = masked;
    }

    void write(ResultSet rs) throws SQLException, IOException {
        if (kinds == null) {
            kinds = kinds(rs.getMetaData());
        }
        for (int i = 0; i < record.length; i++) {
            int column = i + 1;
            record[i] = switch (kinds[i]) {
                case TIMESTAMP -> text(PostgresText.instant(rs, column));
                case DATE -> text(PostgresText.localDate(rs, column));
                case NUMBER -> {
                    BigDecimal n = rs.getBigDecimal(column);
                    yield n == null ? null : n.toPlainString();
                }
                case OTHER -> rs.getObject(column);
            };
        }
        if (masked) {
            record[4] = ContactMasking.email((String) record[4]);
            record[5] = ContactMasking.phone((String) record[5]);
            record[7] = null;
        }
        for (int i = 0; i < record.length; i++) {
            if (record[i] instanceof String text) {
                record[i] = SpreadsheetFormulas.neutralise(text);
            }
        }
        printer.printRecord(record);
    }

    private static Kind[] kinds(ResultSetMetaData meta) throws SQLException {
        Kind[] kinds = new Kind[meta.getColumnCount()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = switch (meta.getColumnTypeName(i + 1)) {
                case "timestamptz" -> Kind.TIMESTAMP;
                case "date" -> Kind.DATE;
                case "numeric" -> Kind.NUMBER;
                default -> Kind.OTHER;
            };
        }
        return kinds;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
