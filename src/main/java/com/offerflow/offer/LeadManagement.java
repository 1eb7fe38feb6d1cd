package com.offerflow.offer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/**
 * Where the marketplace sends the leads (customers who showed interest): nowhere, an HTTPS endpoint, or e-mail
 * addresses. Checked by shape on save; the endpoint is contacted for real when the offer is packaged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "destination")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LeadManagement.None.class, name = "none"),
        @JsonSubTypes.Type(value = LeadManagement.HttpsEndpoint.class, name = "httpsEndpoint"),
        @JsonSubTypes.Type(value = LeadManagement.Email.class, name = "email")})
public sealed interface LeadManagement {

    /** No lead destination: leads are not collected. */
    record None() implements LeadManagement {
    }

    /** Leads are POSTed as JSON to this HTTPS endpoint. */
    record HttpsEndpoint(@NotNull @Size(max = 2000) @HttpsUrl String url) implements LeadManagement {
    }

    /** Leads are mailed to these addresses. */
    record Email(@NotEmpty @Size(max = 10) @UniqueElements
                 List<@NotNull @Size(max = 254) @jakarta.validation.constraints.Email @PlainText String> addresses)
            implements LeadManagement {
    }
}
