package com.bidstream.platform.security;

/**
 * What a key may do: a {@code MEMBER} acts for its own agency, an {@code OPERATOR} reads
 * every agency and writes only for the agency named in {@code X-Agency-Id}.
 */
public enum Role {

	MEMBER, OPERATOR

}
