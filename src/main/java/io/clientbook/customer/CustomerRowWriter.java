package io.clientbook.customer;

import static io.clientbook.customer.CustomerRows.BIRTH_DATE;
import static io.clientbook.customer.CustomerRows.BUYING_STAGE;
import static io.clientbook.customer.CustomerRows.CITY;
import static io.clientbook.customer.CustomerRows.CONSENT;
import static io.clientbook.customer.CustomerRows.COUNTRY;
import static io.clientbook.customer.CustomerRows.CREATED_AT;
import static io.clientbook.customer.CustomerRows.EMAIL;
import static io.clientbook.customer.CustomerRows.EXPECTED_PURCHASE_DATE;
import static io.clientbook.customer.CustomerRows.EXTERNAL_REF;
import static io.clientbook.customer.CustomerRows.FIRST_NAME;
import static io.clientbook.customer.CustomerRows.FIRST_PURCHASE_AT;
import static io.clientbook.customer.CustomerRows.GENDER;
import static io.clientbook.customer.CustomerRows.ID;
import static io.clientbook.customer.CustomerRows.LAST_NAME;
import static io.clientbook.customer.CustomerRows.LAST_PURCHASE_AT;
import static io.clientbook.customer.CustomerRows.NEED_ORIENTATION;
import static io.clientbook.customer.CustomerRows.NOTES;
import static io.clientbook.customer.CustomerRows.NOT_BUYING_REASON;
import static io.clientbook.customer.CustomerRows.OCCUPATION;
import static io.clientbook.customer.CustomerRows.OWNER;
import static io.clientbook.customer.CustomerRows.PHONE;
import static io.clientbook.customer.CustomerRows.PREFERRED_CHANNEL;
import static io.clientbook.customer.CustomerRows.PURCHASE_COUNT;
import static io.clientbook.customer.CustomerRows.REGION;
import static io.clientbook.customer.CustomerRows.RFM_FREQUENCY;
import static io.clientbook.customer.CustomerRows.RFM_MONETARY;
import static io.clientbook.customer.CustomerRows.RFM_RECENCY;
import static io.clientbook.customer.CustomerRows.RFM_SEGMENT;
import static io.clientbook.customer.CustomerRows.TAGS;
import static io.clientbook.customer.CustomerRows.TIER;
import static io.clientbook.customer.CustomerRows.TIER_CHANGED_AT;
import static io.clientbook.customer.CustomerRows.TOTAL_SPENT;
import static io.clientbook.customer.CustomerRows.UPDATED_AT;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.PostgresText;
import io.clientbook.common.web.UtcTimestampText;
import io.clientbook.security.ContactMasking;

/**
 * Writes the rows of a page statement ({@link CustomerRows#COLUMNS}) as {@code Customer} objects, the
 * properties in alphabetical order (CustomerResponse's {@code @JsonPropertyOrder}). Property names are
 * written from their encoded form, as Jackson's own serializers do. Where PostgreSQL's text already is the
 * JSON's text (strings; dates; timestamps in a UTC session; tags; stored consent in the form the service
 * stores it), it is copied; anything else is read into a value and written by the mapper's serializers.
 */
final class CustomerRowWriter {

    private static final SerializedString BIRTH_DATE_NAME = new SerializedString("birthDate");
    private static final SerializedString BUYING_STAGE_NAME = new SerializedString("buyingStage");
    private static final SerializedString CITY_NAME = new SerializedString("city");
    private static final SerializedString CONSENT_NAME = new SerializedString("consent");
    private static final SerializedString COUNTRY_NAME = new SerializedString("country");
    private static final SerializedString CREATED_AT_NAME = new SerializedString("createdAt");
    private static final SerializedString EMAIL_NAME = new SerializedString("email");
    private static final SerializedString EXPECTED_PURCHASE_DATE_NAME = new SerializedString("expectedPurchaseDate");
    private static final SerializedString EXTERNAL_REF_NAME = new SerializedString("externalRef");
    private static final SerializedString FIRST_NAME_NAME = new SerializedString("firstName");
    private static final SerializedString GENDER_NAME = new SerializedString("gender");
    private static final SerializedString ID_NAME = new SerializedString("id");
    private static final SerializedString LAST_NAME_NAME = new SerializedString("lastName");
    private static final SerializedString NEED_ORIENTATION_NAME = new SerializedString("needOrientation");
    private static final SerializedString NOT_BUYING_REASON_NAME = new SerializedString("notBuyingReason");
    private static final SerializedString NOTES_NAME = new SerializedString("notes");
    private static final SerializedString OCCUPATION_NAME = new SerializedString("occupation");
    private static final SerializedString OWNER_NAME = new SerializedString("owner");
    private static final SerializedString PHONE_NAME = new SerializedString("phone");
    private static final SerializedString PREFERRED_CHANNEL_NAME = new SerializedString("preferredChannel");
    private static final SerializedString REGION_NAME = new SerializedString("region");
    private static final SerializedString RFM_NAME = new SerializedString("rfm");
    private static final SerializedString FREQUENCY_NAME = new SerializedString("frequency");
    private static final SerializedString MONETARY_NAME = new SerializedString("monetary");
    private static final SerializedString RECENCY_NAME = new SerializedString("recency");
    private static final SerializedString SEGMENT_NAME = new SerializedString("segment");
    private static final SerializedString STATS_NAME = new SerializedString("stats");
    private static final SerializedString FIRST_PURCHASE_AT_NAME = new SerializedString("firstPurchaseAt");
    private static final SerializedString LAST_PURCHASE_AT_NAME = new SerializedString("lastPurchaseAt");
    private static final SerializedString PURCHASE_COUNT_NAME = new SerializedString("purchaseCount");
    private static final SerializedString TOTAL_SPENT_NAME = new SerializedString("totalSpent");
    private static final SerializedString TAGS_NAME = new SerializedString("tags");
    private static final SerializedString TIER_NAME = new SerializedString("tier");
    private static final SerializedString TIER_CHANGED_AT_NAME = new SerializedString("tierChangedAt");
    private static final SerializedString UPDATED_AT_NAME = new SerializedString("updatedAt");
    private static final SerializedString AT_NAME = new SerializedString("at");
    private static final SerializedString GRANTED_NAME = new SerializedString("granted");
    private static final ContactChannel[] CHANNELS = ContactChannel.values();
    private static final SerializedString[] CHANNEL_NAMES = Arrays.stream(CHANNELS).map(c -> new SerializedString(c.name()))
            .toArray(SerializedString[]::new);
    // Stored consent as jsonb prints it: what consentAsStored expects, byte for byte.
    private static final byte[][] CHANNEL_KEYS = Arrays.stream(CHANNELS).map(c -> ascii("\"" + c.name() + "\": {"))
            .toArray(byte[][]::new);
    private static final byte[] AT_KEY = ascii("\"at\": ");
    private static final byte[] GRANTED_KEY = ascii("\"granted\": ");
    private static final byte[] NEXT = ascii(", ");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte ABSENT = 0;
    private static final byte GRANTED = 1;
    private static final byte WITHDRAWN = 2;

    private final JsonGenerator g;
    private final StoredConsent storedConsent;
    private final SerializerProvider provider;
    private final JsonSerializer<Object> instants;
    private final JsonSerializer<Object> dates;
    private final boolean masked;
    /** A timestamp's ISO text ({@link PostgresText#isoInstant}). */
    private final byte[] iso = new byte[32];
    /** An instant as the mapper writes it ({@link UtcTimestampText#format}). */
    private final char[] written = new char[30];
    /** The entries of one stored consent map: channel, where its {@code at} text starts and ends, granted. */
    private final int[] entryChannel = new int[CHANNELS.length];
    private final int[] entryAt = new int[2 * CHANNELS.length];
    private final byte[] entryGranted = new byte[CHANNELS.length];

    CustomerRowWriter(JsonGenerator g, SerializerProvider provider, StoredConsent storedConsent, boolean masked)
            throws IOException {
        this.g = g;
        this.storedConsent = storedConsent;
        this.provider = provider;
        this.instants = provider.findValueSerializer(Instant.class);
        this.dates = provider.findValueSerializer(LocalDate.class);
        this.masked = masked;
    }

    void write(ResultSet rs) throws SQLException, IOException {
        g.writeStartObject();
        g.writeFieldName(BIRTH_DATE_NAME);
        if (masked) {
            g.writeNull();
        } else {
            date(rs, BIRTH_DATE);
        }
        text(BUYING_STAGE_NAME, rs, BUYING_STAGE);
        text(CITY_NAME, rs, CITY);
        g.writeFieldName(CONSENT_NAME);
        consent(rs);
        text(COUNTRY_NAME, rs, COUNTRY);
        g.writeFieldName(CREATED_AT_NAME);
        instant(rs, CREATED_AT);
        if (masked) {
            g.writeFieldName(EMAIL_NAME);
            g.writeString(ContactMasking.email(rs.getString(EMAIL)));
        } else {
            text(EMAIL_NAME, rs, EMAIL);
        }
        g.writeFieldName(EXPECTED_PURCHASE_DATE_NAME);
        date(rs, EXPECTED_PURCHASE_DATE);
        text(EXTERNAL_REF_NAME, rs, EXTERNAL_REF);
        text(FIRST_NAME_NAME, rs, FIRST_NAME);
        text(GENDER_NAME, rs, GENDER);
        // Not the bytes: a uuid arrives in binary once the driver has prepared the statement on the server.
        g.writeFieldName(ID_NAME);
        g.writeString(rs.getString(ID));
        text(LAST_NAME_NAME, rs, LAST_NAME);
        text(NEED_ORIENTATION_NAME, rs, NEED_ORIENTATION);
        text(NOT_BUYING_REASON_NAME, rs, NOT_BUYING_REASON);
        text(NOTES_NAME, rs, NOTES);
        text(OCCUPATION_NAME, rs, OCCUPATION);
        text(OWNER_NAME, rs, OWNER);
        if (masked) {
            g.writeFieldName(PHONE_NAME);
            g.writeString(ContactMasking.phone(rs.getString(PHONE)));
        } else {
            text(PHONE_NAME, rs, PHONE);
        }
        text(PREFERRED_CHANNEL_NAME, rs, PREFERRED_CHANNEL);
        text(REGION_NAME, rs, REGION);
        g.writeFieldName(RFM_NAME);
        rfm(rs);
        g.writeFieldName(STATS_NAME);
        g.writeStartObject();
        g.writeFieldName(FIRST_PURCHASE_AT_NAME);
        instant(rs, FIRST_PURCHASE_AT);
        g.writeFieldName(LAST_PURCHASE_AT_NAME);
        instant(rs, LAST_PURCHASE_AT);
        g.writeFieldName(PURCHASE_COUNT_NAME);
        g.writeNumber(rs.getInt(PURCHASE_COUNT));
        g.writeFieldName(TOTAL_SPENT_NAME);
        g.writeNumber(rs.getBigDecimal(TOTAL_SPENT));
        g.writeEndObject();
        g.writeFieldName(TAGS_NAME);
        tags(rs);
        text(TIER_NAME, rs, TIER);
        g.writeFieldName(TIER_CHANGED_AT_NAME);
        instant(rs, TIER_CHANGED_AT);
        g.writeFieldName(UPDATED_AT_NAME);
        instant(rs, UPDATED_AT);
        g.writeEndObject();
    }

    /**
     * A text column as the UTF-8 bytes the driver received: no string is decoded only to be encoded
     * again. Text columns come as text in binary results too.
     */
    private void text(SerializedString name, ResultSet rs, int column) throws SQLException, IOException {
        g.writeFieldName(name);
        byte[] value = rs.getBytes(column);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeUTF8String(value, 0, value.length);
        }
    }

    /** Null until scored: a segment or a recency score says that a tier run has scored the customer. */
    private void rfm(ResultSet rs) throws SQLException, IOException {
        short recency = rs.getShort(RFM_RECENCY);
        boolean noRecency = rs.wasNull();
        String segment = rs.getString(RFM_SEGMENT);
        if (segment == null && noRecency) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(FREQUENCY_NAME);
        score(rs.getShort(RFM_FREQUENCY), rs.wasNull());
        g.writeFieldName(MONETARY_NAME);
        score(rs.getShort(RFM_MONETARY), rs.wasNull());
        g.writeFieldName(RECENCY_NAME);
        score(recency, noRecency);
        g.writeFieldName(SEGMENT_NAME);
        g.writeString(segment);
        g.writeEndObject();
    }

    private void score(short value, boolean isNull) throws IOException {
        if (isNull) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    /** The stored consent map ({@link StoredConsent}). */
    private void consent(ResultSet rs) throws SQLException, IOException {
        byte[] stored = rs.getBytes(CONSENT);
        if (!consentAsStored(stored)) {
            // Read as a single read reads it (and refused as it refuses it), written by the mapper.
            provider.defaultSerializeValue(storedConsent.read(stored, UUID.fromString(rs.getString(ID))), g);
        }
    }

    /** The tags; a literal the text reading does not take goes through the driver's arrays. */
    private void tags(ResultSet rs) throws SQLException, IOException {
        byte[][] tags = PostgresText.textArray(rs.getBytes(TAGS));
        if (tags == null) {
            String[] read = (String[]) rs.getArray(TAGS).getArray();
            g.writeArray(read, 0, read.length);
            return;
        }
        g.writeStartArray();
        for (byte[] tag : tags) {
            if (tag == null) {
                g.writeNull();
            } else {
                g.writeUTF8String(tag, 0, tag.length);
            }
        }
        g.writeEndArray();
    }

    /**
     * Stored consent as jsonb prints what the service stores, {@code {"SMS": {"at": "2025-01-01T00:00:00Z",
     * "granted": true}}}, copied without the spaces: jsonb orders an object's keys by length, which puts
     * {@code at} before {@code granted} as the response has them, and the service stores each {@code at} as
     * the mapper writes it. Every part is checked first (a known channel; only {@code at} and
     * {@code granted}; each {@code at} a real instant in the accepted years, written exactly as it would be
     * written again); on anything else nothing is written and false returned.
     */
    boolean consentAsStored(byte[] t) throws IOException {
        int n = t.length;
        if (n < 2 || t[0] != '{') {
            return false;
        }
        int entries = 0;
        int i = 1;
        if (t[i] != '}') {
            while (true) {
                int channel = channelAt(t, i);
                if (channel < 0 || entries == entryChannel.length) {
                    return false;
                }
                i += CHANNEL_KEYS[channel].length;
                int atStart = -1;
                int atEnd = -1;
                if (startsWith(t, i, AT_KEY)) {
                    i += AT_KEY.length;
                    if (startsWith(t, i, NULL)) {
                        i += NULL.length;
                    } else {
                        if (i >= n || t[i] != '"') {
                            return false;
                        }
                        atStart = i + 1;
                        atEnd = atStart;
                        while (atEnd < n && t[atEnd] != '"') {
                            atEnd++;
                        }
                        if (atEnd == n || !isCanonicalInstant(t, atStart, atEnd)) {
                            return false;
                        }
                        i = atEnd + 1;
                    }
                    if (startsWith(t, i, NEXT)) {
                        i += NEXT.length;
                        if (!startsWith(t, i, GRANTED_KEY)) {
                            return false;
                        }
                    }
                }
                byte granted = ABSENT;
                if (startsWith(t, i, GRANTED_KEY)) {
                    i += GRANTED_KEY.length;
                    if (startsWith(t, i, TRUE)) {
                        granted = GRANTED;
                        i += TRUE.length;
                    } else if (startsWith(t, i, FALSE)) {
                        granted = WITHDRAWN;
                        i += FALSE.length;
                    } else if (startsWith(t, i, NULL)) {
                        i += NULL.length;
                    } else {
                        return false;
                    }
                }
                if (i >= n || t[i++] != '}') {
                    return false;
                }
                entryChannel[entries] = channel;
                entryAt[2 * entries] = atStart;
                entryAt[2 * entries + 1] = atEnd;
                entryGranted[entries++] = granted;
                if (i == n - 1 && t[i] == '}') {
                    break;
                }
                if (!startsWith(t, i, NEXT)) {
                    return false;
                }
                i += NEXT.length;
            }
        } else if (n != 2) {
            return false;
        }
        g.writeStartObject();
        for (int e = 0; e < entries; e++) {
            g.writeFieldName(CHANNEL_NAMES[entryChannel[e]]);
            g.writeStartObject();
            g.writeFieldName(AT_NAME);
            if (entryAt[2 * e] < 0) {
                g.writeNull();
            } else {
                g.writeRawUTF8String(t, entryAt[2 * e], entryAt[2 * e + 1] - entryAt[2 * e]);
            }
            g.writeFieldName(GRANTED_NAME);
            if (entryGranted[e] == ABSENT) {
                g.writeNull();
            } else {
                g.writeBoolean(entryGranted[e] == GRANTED);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        return true;
    }

    /** The channel whose key ({@code "SMS": {}) starts at {@code i}, or -1. */
    private static int channelAt(byte[] t, int i) {
        for (int c = 0; c < CHANNEL_KEYS.length; c++) {
            if (startsWith(t, i, CHANNEL_KEYS[c])) {
                return c;
            }
        }
        return -1;
    }

    /** A loop, not {@code Arrays.equals} over ranges: its vectorised compare costs more for a few bytes. */
    private static boolean startsWith(byte[] t, int i, byte[] prefix) {
        if (i + prefix.length > t.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (t[i + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code t[from, to)} is an instant as the mapper writes one, in the years the service takes. */
    private boolean isCanonicalInstant(byte[] t, int from, int to) {
        String text = new String(t, from, to - from, StandardCharsets.ISO_8859_1);
        Instant at = UtcTimestampText.parse(text);
        if (at == null || !Timestamps.isAccepted(at)) {
            return false;
        }
        int length = UtcTimestampText.format(at, written);
        return length == text.length() && text.contentEquals(CharBuffer.wrap(written, 0, length));
    }

    /** A timestamp column: its text rewritten when the session is in UTC, otherwise the instant written. */
    private void instant(ResultSet rs, int column) throws SQLException, IOException {
        byte[] text = rs.getBytes(column);
        if (text == null) {
            g.writeNull();
            return;
        }
        int length = PostgresText.isoInstant(text, iso);
        if (length < 0) {
            instant(PostgresText.instant(rs, column));
        } else {
            g.writeRawUTF8String(iso, 0, length);
        }
    }

    /** A date column: its text as it is when that is the ISO form, otherwise the date written. */
    private void date(ResultSet rs, int column) throws SQLException, IOException {
        byte[] text = rs.getBytes(column);
        if (text == null) {
            g.writeNull();
        } else if (PostgresText.isIsoDate(text)) {
            g.writeRawUTF8String(text, 0, text.length);
        } else {
            date(PostgresText.localDate(rs, column));
        }
    }

    private void instant(Instant value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            instants.serialize(value, g, provider);
        }
    }

    private void date(LocalDate value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            dates.serialize(value, g, provider);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
