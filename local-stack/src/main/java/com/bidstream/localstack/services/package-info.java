/**
 * The four services as processes, and their health.
 */
package com.bidstream.localstack.services;
