/**
 * RFC 9457 problem+json for every error a client can see, with no internals in any body.
 */
package com.bidstream.platform.web;
