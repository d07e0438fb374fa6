package io.clientbook.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.common.error.FieldError;

/**
 * The writable fields of a customer: the body of a create, the target a merge patch is applied
 * to, and the body of an upsert. Validated the same way on every path.
 */
@Schema(name = "CustomerFields", description = "The writable fields of a customer file")
public record CustomerFields(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:@~-]+", message = "may contain only letters, digits and . _ : @ ~ -")
        @Schema(description = "Unique id of the customer in the sending system", examples = "shop-10042") String externalRef,
        @Size(max = 100) @Schema(examples = "Mei") String firstName,
        @Size(max = 100) @Schema(examples = "Chen") String lastName,
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
        @Schema(examples = "mei.chen@example.com") String email,
        @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9 ().-]{4,30}[0-9]", message = "must be a phone number, e.g. +44 20 7946 0958")
        @Schema(examples = "+44 20 7946 0958") String phone,
        Gender gender,
        @PastOrPresent(message = "must not be in the future") @Schema(examples = "1988-04-12") LocalDate birthDate,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. GB")
        @Schema(description = "ISO 3166-1 alpha-2", examples = "GB") String country,
        @Size(max = 100) @Schema(examples = "London") String region,
        @Size(max = 100) @Schema(examples = "London") String city,
        @Size(max = 100) @Schema(examples = "Architect") String occupation,
        ContactChannel preferredChannel,
        @Schema(description = "Consent per channel; a channel not named is not consented")
        Map<@NotNull ContactChannel, @NotNull @Valid Consent> consent,
        @Size(max = 100) @Schema(description = "The member of staff responsible for this customer", examples = "j.smith") String owner,
        NeedOrientation needOrientation,
        BuyingStage buyingStage,
        @Schema(description = "For NOT_NOW: when the customer expects to buy", examples = "2027-03-01") LocalDate expectedPurchaseDate,
        @Size(max = 1000) @Schema(description = "For WILL_NOT_BUY: why, fed back to product work") String notBuyingReason,
        @Size(max = 50) @Schema(description = "Free tags, stored trimmed and lower-case, without duplicates", examples = "[\"vip\", \"newsletter\"]")
        List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 4000) String notes) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Trimmed, blank strings as absent, tags lower-cased and de-duplicated, consent stamped with {@code now}. */
    public CustomerFields normalized(Instant now) {
        Map<ContactChannel, Consent> stamped = null;
        if (consent != null) {
            stamped = new LinkedHashMap<>();
            for (Map.Entry<ContactChannel, Consent> e : consent.entrySet()) {
                Consent c = e.getValue();
                stamped.put(e.getKey(), c == null ? null : new Consent(c.granted(), c.at() == null ? now : c.at()));
            }
        }
        List<String> cleanTags = null;
        if (tags != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (String tag : tags) {
                seen.add(tag == null ? null : tag.trim().toLowerCase(Locale.ROOT));
            }
            cleanTags = new ArrayList<>(seen);
        }
        return new CustomerFields(clean(externalRef), clean(firstName), clean(lastName), clean(email), clean(phone), gender,
                birthDate, clean(country), clean(region), clean(city), clean(occupation), preferredChannel, stamped,
                clean(owner), needOrientation, buyingStage, expectedPurchaseDate, clean(notBuyingReason), cleanTags,
                clean(notes));
    }

    /** Rules Bean Validation cannot say: a real country, a plausible birth date, something to identify the customer. */
    public List<FieldError> crossFieldErrors(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (country != null && country.matches("[A-Z]{2}") && !ISO_COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("birthDate", "must be on or after " + EARLIEST_BIRTH_DATE));
        }
        if (consent != null) {
            consent.forEach((channel, c) -> {
                if (c != null && c.at() != null && c.at().isAfter(now.plusSeconds(300))) {
                    errors.add(new FieldError("consent." + channel + ".at", "must not be in the future"));
                }
            });
        }
        if (externalRef == null && firstName == null && lastName == null && email == null && phone == null) {
            errors.add(new FieldError("lastName",
                    "a customer needs at least one of externalRef, firstName, lastName, email or phone"));
        }
        return errors;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
