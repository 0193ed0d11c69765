/** JSON read into trees and written from them with the streaming parser alone: no data-binding mapper to build. */
package com.outboundcalls.json;
