package com.offerflow.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host that a stranger named (a publisher's registry, a lead endpoint, where a registry redirects) is on
 * the public internet: the app does not contact loopback, private, link-local, unique-local (IPv6 {@code fc00::/7}),
 * shared (carrier-grade NAT, {@code 100.64.0.0/10}), unspecified or multicast addresses on such a word, unless
 * configured to. Every address the name resolves to must be public.
 */
public final class PublicAddresses {

    public enum Verdict { PUBLIC, PRIVATE, UNKNOWN_HOST }

    private PublicAddresses() {
    }

    public static Verdict of(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Verdict.PRIVATE;
                }
            }
            return Verdict.PUBLIC;
        } catch (UnknownHostException e) {
            return Verdict.UNKNOWN_HOST;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && (second & 0xc0) == 64);
        }
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
