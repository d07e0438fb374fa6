package io.clientbook.customer.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.clientbook.customer.BuyingStage;
import io.clientbook.customer.Consent;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Customer;
import io.clientbook.customer.Gender;
import io.clientbook.customer.NeedOrientation;
import io.clientbook.customer.Tier;
import io.clientbook.security.ContactMasking;

/**
 * A customer file as clients read it: the writable fields plus what the service computes. Its properties
 * are written in alphabetical order, as they always have been, because pages of customers are written
 * apart from this record ({@link io.clientbook.customer.CustomerRows}) in that order.
 */
@Schema(name = "Customer")
@JsonPropertyOrder(alphabetic = true)
public record CustomerResponse(
        @Schema(readOnly = true) UUID id,
        String externalRef, String firstName, String lastName, String email, String phone, Gender gender,
        LocalDate birthDate, String country, String region, String city, String occupation,
        ContactChannel preferredChannel, Map<ContactChannel, Consent> consent, String owner,
        NeedOrientation needOrientation, BuyingStage buyingStage, LocalDate expectedPurchaseDate,
        String notBuyingReason, List<String> tags, String notes,
        @Schema(readOnly = true, description = "ABC tier; null until the first tier run") Tier tier,
        @Schema(readOnly = true, description = "When the tier last changed") Instant tierChangedAt,
        @Schema(readOnly = true, description = "RFM scores; null until scored") Rfm rfm,
        @Schema(readOnly = true) Stats stats,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt) {

    @JsonPropertyOrder(alphabetic = true)
    @Schema(name = "Rfm", description = "Recency, frequency and monetary scores 1–5 and the named segment")
    public record Rfm(Integer recency, Integer frequency, Integer monetary,
            @Schema(examples = "CHAMPIONS") String segment) {
    }

    @JsonPropertyOrder(alphabetic = true)
    @Schema(name = "CustomerStats", description = "Exact purchase statistics over non-void purchases")
    public record Stats(int purchaseCount, BigDecimal totalSpent, Instant firstPurchaseAt, Instant lastPurchaseAt) {
    }

    public static CustomerResponse of(Customer c, Map<ContactChannel, Consent> consent) {
        Rfm rfm = c.rfmSegment == null && c.rfmRecency == null ? null
                : new Rfm(toInt(c.rfmRecency), toInt(c.rfmFrequency), toInt(c.rfmMonetary), c.rfmSegment);
        return new CustomerResponse(c.id, c.externalRef, c.firstName, c.lastName, c.email, c.phone, c.gender,
                c.birthDate, c.country, c.region, c.city, c.occupation, c.preferredChannel, consent, c.owner,
                c.needOrientation, c.buyingStage, c.expectedPurchaseDate, c.notBuyingReason, Arrays.asList(c.tags),
                c.notes, c.tier, c.tierChangedAt, rfm,
                new Stats(c.purchaseCount, c.totalSpent, c.firstPurchaseAt, c.lastPurchaseAt), c.createdAt, c.updatedAt);
    }

    /** The same file with contact data masked for callers who may not see it ({@link ContactMasking}). */
    public CustomerResponse masked() {
        return new CustomerResponse(id, externalRef, firstName, lastName, ContactMasking.email(email),
                ContactMasking.phone(phone), gender, null, country, region, city, occupation, preferredChannel, consent,
                owner, needOrientation, buyingStage, expectedPurchaseDate, notBuyingReason, tags, notes, tier,
                tierChangedAt, rfm, stats, createdAt, updatedAt);
    }

    private static Integer toInt(Short s) {
        return s == null ? null : s.intValue();
    }
}
