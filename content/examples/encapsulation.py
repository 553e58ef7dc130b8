"""封装：把 "hello" 一层层包成以太网帧 · Encapsulation: wrap "hello" layer by layer into an Ethernet frame.

先包 TCP 版本（第 4 章第 ④ 步的那个报文段），再包 UDP 版本，最后把 TCP 帧拆回去。
First the TCP version (the segment of step 4 in chapter 4), then the UDP version, then unwrap the TCP frame.
"""
import socket
import struct
import zlib

MSG = b'hello'
SRC_MAC = bytes.fromhex('00005e005301')    # 文档专用 MAC（RFC 7042）· documentation MACs (RFC 7042)
DST_MAC = bytes.fromhex('00005e005302')
SRC_IP = socket.inet_aton('192.168.1.10')
DST_IP = socket.inet_aton('192.168.1.20')
SPORT, DPORT = 50000, 8000
TCP, UDP = 6, 17                           # IP 首部的“协议”字段 · the IP header's protocol field
ETH_IPV4 = 0x0800                          # EtherType：载荷是 IPv4 · the payload is IPv4


def checksum(data: bytes) -> int:
    """互联网校验和（RFC 1071）：16 位反码和再取反 · 16-bit one's-complement sum, complemented."""
    if len(data) % 2:
        data += b'\x00'                              # 奇数长度补一个 0 · pad odd lengths with a zero
    total = sum(struct.unpack(f'!{len(data) // 2}H', data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)     # 进位加回来 · fold the carries back in
    return ~total & 0xFFFF


def pseudo_header(proto: int, length: int) -> bytes:
    """TCP/UDP 校验和要带上的伪首部 · the pseudo-header that TCP/UDP checksums cover."""
    return SRC_IP + DST_IP + struct.pack('!BBH', 0, proto, length)


def tcp_segment(data: bytes) -> bytes:
    """20 字节 TCP 首部（无选项）+ 数据 · a 20-byte TCP header (no options) + data."""
    seq, ack = 101, 301                    # 第 4 章的数字 · the numbers from chapter 4
    offset_flags = (5 << 12) | 0x18        # 首部 5×4=20 字节；PSH+ACK · 5 words = 20 bytes; PSH+ACK
    header = struct.pack('!HHIIHHHH', SPORT, DPORT, seq, ack, offset_flags, 65535, 0, 0)
    csum = checksum(pseudo_header(TCP, len(header) + len(data)) + header + data)
    return header[:16] + struct.pack('!H', csum) + header[18:] + data


def udp_datagram(data: bytes) -> bytes:
    """8 字节 UDP 首部 + 数据 · an 8-byte UDP header + data."""
    length = 8 + len(data)
    header = struct.pack('!HHHH', SPORT, DPORT, length, 0)
    csum = checksum(pseudo_header(UDP, length) + header + data)
    csum = csum or 0xFFFF                  # 0 留给“没算” · 0 is reserved for "no checksum"
    return header[:6] + struct.pack('!H', csum) + data


def ipv4_packet(proto: int, payload: bytes) -> bytes:
    """20 字节 IPv4 首部 + 载荷 · a 20-byte IPv4 header + payload (its checksum covers the header only)."""
    header = struct.pack('!BBHHHBBH4s4s',
                         (4 << 4) | 5,           # 版本 4，首部 5×4=20 字节 · version 4, IHL 5 words
                         0, 20 + len(payload),   # 服务类型；总长度 · DSCP/ECN; total length
                         0, 0x4000,              # 标识；DF 位 · identification; Don't Fragment
                         64, proto, 0,           # TTL；协议；校验和先填 0 · TTL; protocol; checksum 0 for now
                         SRC_IP, DST_IP)
    return header[:10] + struct.pack('!H', checksum(header)) + header[12:] + payload


def ethernet_frame(payload: bytes) -> tuple[bytes, int]:
    """14 字节首部 + 载荷 + 填充 + 4 字节 FCS · 14-byte header + payload + padding + 4-byte FCS."""
    pad = max(0, 46 - len(payload))                  # 载荷至少 46 字节 · the payload is at least 46 bytes
    body = DST_MAC + SRC_MAC + struct.pack('!H', ETH_IPV4) + payload + bytes(pad)
    fcs = struct.pack('<I', zlib.crc32(body))        # CRC-32，低字节先发 · CRC-32, low byte first
    return body + fcs, pad


def hexs(b: bytes) -> str:
    return b.hex(' ')


def show(name: str, proto: int, segment: bytes) -> bytes:
    hlen = 20 if proto == TCP else 8
    packet = ipv4_packet(proto, segment)
    frame, pad = ethernet_frame(packet)
    print(f'== "hello" over {name}/IPv4/Ethernet ==')
    print(f'message          {len(MSG):3} bytes: {hexs(MSG)}')
    print(f'{name} header       {hlen:3} bytes: {hexs(segment[:hlen])}')
    print(f'{name} {"segment " if proto == TCP else "datagram"}     {len(segment):3} bytes = {hlen} + {len(MSG)}')
    print(f'IPv4 header       20 bytes: {hexs(packet[:20])}')
    print(f'IPv4 packet      {len(packet):3} bytes = 20 + {len(segment)}')
    print(f'Ethernet header   14 bytes: {hexs(frame[:14])}')
    print(f'padding          {pad:3} byte{"s" * (pad != 1)} (payload {len(packet)} < 46)')
    print(f'FCS                4 bytes: {hexs(frame[-4:])}')
    print(f'Ethernet frame   {len(frame):3} bytes = 14 + {len(packet)} + {pad} + 4')
    print(f'on the wire      {len(frame) + 8:3} bytes = 7 preamble + 1 SFD + {len(frame)}, then a 12-byte gap')
    for i in range(0, len(frame), 16):                 # 像抓包软件那样每行 16 字节 · 16 bytes a line
        print(f'{i:04x}  {hexs(frame[i:i + 16])}')
    print()
    return frame


def unwrap(frame: bytes) -> None:
    """解封装：每层看一个字段决定交给谁 · decapsulation: each layer reads one field to pick the next."""
    print('== unwrap the TCP frame ==')
    ok = zlib.crc32(frame[:-4]) == struct.unpack('<I', frame[-4:])[0]
    ethertype = struct.unpack('!H', frame[12:14])[0]
    print(f'link:      FCS {"ok" if ok else "BAD"}, EtherType 0x{ethertype:04x} -> IPv4')
    ip = frame[14:-4]
    ihl = (ip[0] & 0x0F) * 4
    total_len = struct.unpack('!H', ip[2:4])[0]
    ip = ip[:total_len]                                      # 去掉以太网填充 · drop the Ethernet padding
    print(f'network:   header checksum {"ok" if checksum(ip[:ihl]) == 0 else "BAD"}, '
          f'total length {total_len}, protocol {ip[9]} -> TCP')
    seg = ip[ihl:]
    sport, dport, seq, ack, off_flags = struct.unpack('!HHIIH', seg[:14])
    tcp_ok = checksum(pseudo_header(TCP, len(seg)) + seg) == 0
    data = seg[(off_flags >> 12) * 4:]
    print(f'transport: checksum {"ok" if tcp_ok else "BAD"}, port {sport} -> {dport}, seq {seq}, ack {ack}')
    print(f'application: {data!r}')


if __name__ == '__main__':
    tcp_frame = show('TCP', TCP, tcp_segment(MSG))
    show('UDP', UDP, udp_datagram(MSG))
    unwrap(tcp_frame)
