/**
 * The {@code --demo} feeder: synthetic listings and funnel activity through the public
 * APIs.
 */
package com.bidstream.localstack.demo;
