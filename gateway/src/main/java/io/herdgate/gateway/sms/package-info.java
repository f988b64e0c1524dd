/**
 * SMS through a GSM modem on a serial port, the fallback when WhatsApp cannot deliver:
 * {@link io.herdgate.gateway.sms.SmsChannel} (a {@link io.herdgate.gateway.notify.Channel}) sends in
 * AT text mode, turns reply codes texted back into {@link io.herdgate.gateway.notify.Reply} values and
 * delivery reports into {@link io.herdgate.gateway.notify.DeliveryStatus}; {@link
 * io.herdgate.gateway.sms.SmsSettings} configures it. Everything else here is internal: the AT line
 * protocol, GSM 7-bit and UCS2 coding, splitting, message texts.
 */
package io.herdgate.gateway.sms;
