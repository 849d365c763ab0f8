/**
 * The launcher behind {@code ./bidstream}: starts, watches and stops the local stack.
 */
package com.bidstream.localstack;
