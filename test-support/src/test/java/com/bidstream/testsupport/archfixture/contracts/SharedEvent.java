package com.bidstream.testsupport.archfixture.contracts;

public record SharedEvent(String id) {

}
