package com.offerflow.image.registry;

import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciLayout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real registry with HTTP Basic (htpasswd) and with the bearer-token flow. */
class RegistryAuthTest {

    @Nested
    class Basic {
        @RegisterExtension
        static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.withBasic("alice", "s3cret-pw");

        @TempDir
        Path tmp;

        @Test
        void pushesAndPullsWithCredentials() throws Exception {
            OciLayout layout = RegistryImageSourceTest.sample(tmp.resolve("src"), 1000);
            RegistryClient client = new RegistryClient(new RegistryClient.Credentials("alice", "s3cret-pw"));
            RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/private/app:1.0");
            client.push(layout, layout.index().manifests().get(0), target);
            try (RegistryImageSource source = client.open(target, ImageLimits.defaults())) {
                assertThat(source.manifests()).hasSize(2);
            }
        }

        @Test
        void refusesWrongOrMissingCredentialsWithAClearMessage() {
            RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/private/app:1.0");
            assertThatThrownBy(() -> new RegistryClient(new RegistryClient.Credentials("alice", "wrong"))
                    .open(target, ImageLimits.defaults()).index())
                    .isInstanceOf(RegistryException.class).hasMessageContaining("refused the credentials");
            assertThatThrownBy(() -> new RegistryClient(null).open(target, ImageLimits.defaults()).index())
                    .isInstanceOf(RegistryException.class).hasMessageContaining("requires credentials");
        }
    }

    @Nested
    class Bearer {
        static final TokenServer TOKENS = new TokenServer("bob", "token-pw");

        @RegisterExtension
        static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.withTokens(TOKENS);

        @TempDir
        Path tmp;

        @Test
        void followsTheTokenChallenge() throws Exception {
            OciLayout layout = RegistryImageSourceTest.sample(tmp.resolve("src"), 1000);
            RegistryClient client = new RegistryClient(new RegistryClient.Credentials("bob", "token-pw"));
            RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/tokens/app:1.0");
            client.push(layout, layout.index().manifests().get(0), target);
            try (RegistryImageSource source = client.open(target, ImageLimits.defaults())) {
                assertThat(source.manifests()).hasSize(2);
            }
            assertThat(TOKENS.issued()).isBetween(1, 4);
        }

        @Test
        void aTokenEndpointTheDestinationsRefuseIsNotContacted() {
            RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/tokens/app:1.0");
            int issued = TOKENS.issued();
            RegistryClient client = new RegistryClient(new RegistryClient.Credentials("bob", "token-pw"),
                    java.time.Duration.ofSeconds(10), 1 << 20, uri -> {
                        if (!uri.toString().startsWith(REGISTRY.url())) {
                            throw new java.io.IOException("not contacted: " + uri);
                        }
                    });
            assertThatThrownBy(() -> client.open(target, ImageLimits.defaults()).index())
                    .hasMessageStartingWith("not contacted: http://");
            assertThat(TOKENS.issued()).isEqualTo(issued);
        }

        @Test
        void aRefusedTokenRequestIsReported() {
            RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/tokens/app:1.0");
            assertThatThrownBy(() -> new RegistryClient(new RegistryClient.Credentials("bob", "nope"))
                    .open(target, ImageLimits.defaults()).index())
                    .isInstanceOf(RegistryException.class).hasMessageContaining("token endpoint");
        }
    }
}
