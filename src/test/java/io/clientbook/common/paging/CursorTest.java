package io.clientbook.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.ApiProblem;

class CursorTest {

    private static final UUID ID = UUID.fromString("6f1c1a52-0000-4000-8000-000000000000");

    private static String forged(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDecodeWhatItEncoded() {
        Cursor cursor = new Cursor("createdAt", "2026-11-23T10:15:30Z", ID);
        assertThat(Cursor.decode(cursor.encode(), "createdAt")).isEqualTo(cursor);
        assertThat(Cursor.decode(cursor.encode(), "createdAt").instantValue()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
    }

    @Test
    void shouldRejectAForgedValueTheDatabaseCannotTake() {
        // Bound into the keyset query, a NUL failed it (500).
        assertThatThrownBy(() -> Cursor.decode(forged("lastName\u001fa\u0000b\u001f" + ID), "lastName"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void shouldRejectAForgedTimeOutsideTheYearsTheDatabaseHolds() {
        Cursor farFuture = Cursor.decode(forged("createdAt\u001f+999999999-12-31T23:59:59Z\u001f" + ID), "createdAt");
        assertThatThrownBy(farFuture::instantValue).isInstanceOf(ApiProblem.class);
    }

    @Test
    void shouldRejectACursorOfAnotherSort() {
        String cursor = new Cursor("createdAt", "2026-11-23T10:15:30Z", ID).encode();
        assertThatThrownBy(() -> Cursor.decode(cursor, "lastName")).isInstanceOf(ApiProblem.class);
    }
}
