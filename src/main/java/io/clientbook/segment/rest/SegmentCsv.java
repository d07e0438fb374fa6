package io.clientbook.segment.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

    SegmentCsv(OutputStream out, boolean masked) throws IOException {
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), FORMAT);
        this.masked = masked;
    }

    void write(ResultSet rs) throws SQLException, IOException {
        for (int i = 0; i < record.length; i++) {
            Object v = rs.getObject(i + 1);
            if (v instanceof java.sql.Timestamp) {
                v = rs.getObject(i + 1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
            } else if (v instanceof java.sql.Date) {
                v = rs.getObject(i + 1, LocalDate.class).toString();
            } else if (v instanceof java.math.BigDecimal b) {
                v = b.toPlainString();
            }
            record[i] = v;
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

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
