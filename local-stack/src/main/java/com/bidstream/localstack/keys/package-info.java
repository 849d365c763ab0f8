/**
 * The keys file the services read, and {@code ./bidstream key create}.
 */
package com.bidstream.localstack.keys;
