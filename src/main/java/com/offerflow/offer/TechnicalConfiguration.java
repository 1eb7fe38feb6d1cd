package com.offerflow.offer;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *
 * <p>{@code registryRepository}, when set, is where a publication pulls the image from instead of the uploaded
 * archive: a repository in an OCI registry such as {@code https://registry.contoso.example/contoso/web}, without a
 * tag; every tag of the configuration must be there and name the same image.
 */
@VersionTagRequired
public record TechnicalConfiguration(
        @NotNull @Size(min = 2, max = 200)
        @Pattern(regexp = REPOSITORY_PATTERN, message = "{offerflow.repositoryName.pattern}")
        String repositoryName,
        @NotEmpty @Size(max = 16) @UniqueElements
        List<@NotNull @Size(max = 128) @Pattern(regexp = TAG_PATTERN, message = "{offerflow.tag.pattern}") String> tags,
        // absent, not null, when the image is uploaded: offers written before this field look the same
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 255) @RegistryRepositoryUrl
        String registryRepository) {

    /** A configuration whose image is uploaded (no source registry). */
    public TechnicalConfiguration(String repositoryName, List<String> tags) {
        this(repositoryName, tags, null);
    }

    /** Lowercase path components as the OCI distribution spec allows them. */
    public static final String REPOSITORY_PATTERN = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*";
    /** An OCI tag. */
    public static final String TAG_PATTERN = "[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}";
    /** A version tag: X.Y or X.Y.Z. */
    public static final String VERSION_TAG_PATTERN = "\\d+\\.\\d+(\\.\\d+)?";
}
