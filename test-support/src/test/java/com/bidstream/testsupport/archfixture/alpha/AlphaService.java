package com.bidstream.testsupport.archfixture.alpha;

import com.bidstream.testsupport.archfixture.contracts.SharedEvent;

public class AlphaService {

	public SharedEvent handle(SharedEvent event) {
		return event;
	}

}
