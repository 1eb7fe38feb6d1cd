package com.offerflow.offer;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/**
 * Where the offer's image lives: its repository name in the marketplace's registry and the 1 to 16 tags published
 * under it. At least one tag is a version ({@code X.Y} or {@code X.Y.Z}); {@code latest} alone is not accepted. The
 * repository name cannot change once the offer is live ({@link RepositoryUnchanged}).
 */
@VersionTagRequired
public record TechnicalConfiguration(
        @NotNull @Size(min = 2, max = 200)
        @Pattern(regexp = REPOSITORY_PATTERN, message = "{offerflow.repositoryName.pattern}")
        String repositoryName,
        @NotEmpty @Size(max = 16) @UniqueElements
        List<@NotNull @Size(max = 128) @Pattern(regexp = TAG_PATTERN, message = "{offerflow.tag.pattern}") String> tags) {

    /** Lowercase path components as the OCI distribution spec allows them. */
    public static final String REPOSITORY_PATTERN = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*";
    /** An OCI tag. */
    public static final String TAG_PATTERN = "[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}";
    /** A version tag: X.Y or X.Y.Z. */
    public static final String VERSION_TAG_PATTERN = "\\d+\\.\\d+(\\.\\d+)?";
}
