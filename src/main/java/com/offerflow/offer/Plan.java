package com.offerflow.offer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/** A plan of the offer and the regions where it is sold. Plan ids and names are unique within the offer. */
public record Plan(
        @NotNull @Size(min = 1, max = 50)
        @Pattern(regexp = OfferDocument.ID_PATTERN, message = "{offerflow.planId.pattern}")
        String planId,
        @NotBlank @Size(max = 50) @PlainText String name,
        @NotEmpty @Size(max = 100) @UniqueElements List<@NotNull @KnownRegion String> regions) {
}
