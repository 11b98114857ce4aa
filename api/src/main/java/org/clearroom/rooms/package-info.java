/** Wire types of rooms: the resources that forums and documents live in and that rules attach to. */
package org.clearroom.rooms;
