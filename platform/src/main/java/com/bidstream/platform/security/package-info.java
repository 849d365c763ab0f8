/**
 * API keys (stored as SHA-256 hashes), the caller they identify, and the tenancy rules of
 * the public contract (section 2).
 */
package com.bidstream.platform.security;
