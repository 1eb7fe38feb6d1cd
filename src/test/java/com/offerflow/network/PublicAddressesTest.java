package com.offerflow.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "100.127.255.254", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "::"})
    void privateAndLocalAddressesAreNotContacted(String address) {
        assertThat(PublicAddresses.of(address)).isEqualTo(PublicAddresses.Verdict.PRIVATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "100.63.255.255", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddressesAre(String address) {
        assertThat(PublicAddresses.of(address)).isEqualTo(PublicAddresses.Verdict.PUBLIC);
    }
}
