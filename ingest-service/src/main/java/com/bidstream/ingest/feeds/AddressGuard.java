package com.bidstream.ingest.feeds;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps feeds from making this service call into its own network (SSRF): a feed URL must
 * be http(s) and its host must resolve only to public addresses, unless
 * {@code bidstream.ingest.feeds.allow-private-addresses} (the local stack and the tests
 * set it). Checked when a feed is created and again before every poll, since a name may
 * resolve differently later.
 */
@Component
class AddressGuard {

	private final boolean allowPrivate;

	AddressGuard(@Value("${bidstream.ingest.feeds.allow-private-addresses:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/**
	 * Why the URL may not be called, or null when it may.
	 */
	String problem(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return "must be an absolute http or https URL";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			return "must be an absolute http or https URL";
		}
		if (uri.getUserInfo() != null) {
			return "must not carry a user name or password";
		}
		if (this.allowPrivate) {
			return null;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (isInternal(address)) {
					return "must not point to a loopback, private or link-local address";
				}
			}
		}
		catch (UnknownHostException ex) {
			return "names a host that does not resolve";
		}
		return null;
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// unique local addresses fc00::/7
			return (bytes[0] & 0xFE) == 0xFC;
		}
		// carrier-grade NAT 100.64.0.0/10
		return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
	}

}
