"""拆开一个 MAC 地址 · Dissect a MAC address: OUI, NIC part, the I/G and U/L bits.

python3 mac_address.py                     # 看几个样例 · dissect a few samples
python3 mac_address.py 00-00-5E-00-53-42   # 拆你给的地址 · dissect the addresses you give
"""
import re
import sys

# 三种写法：冒号、短横线、12 个十六进制数字连写 · three spellings: colons, dashes, 12 bare hex digits
FORMS = [re.compile(r'[0-9a-f]{2}(:[0-9a-f]{2}){5}'),
         re.compile(r'[0-9a-f]{2}(-[0-9a-f]{2}){5}'),
         re.compile(r'[0-9a-f]{12}')]


def parse(text: str) -> bytes:
    """'AA-BB-…' → 6 个字节；写法不对就报错 · 6 bytes, or ValueError with a clear message."""
    s = text.strip().lower()
    if not any(form.fullmatch(s) for form in FORMS):
        raise ValueError(f'not a MAC address: {text!r} (expected 6 octets written as '
                         f'aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabbccddeeff)')
    return bytes.fromhex(s.replace(':', '').replace('-', ''))


def dissect(mac: bytes) -> list[str]:
    first = mac[0]
    ig = first & 0b01             # 第 0 位 I/G：1 = 组地址 · bit 0, I/G: 1 = group
    ul = (first >> 1) & 0b01      # 第 1 位 U/L：1 = 本地管理 · bit 1, U/L: 1 = locally administered
    if mac == b'\xff' * 6:
        kind = 'broadcast'
    else:
        kind = 'multicast' if ig else 'unicast'
    lines = [f'  first octet 0x{first:02x} = {first:08b}: I/G={ig} {kind}, '
             f'U/L={ul} {"local" if ul else "global"}']
    if kind == 'broadcast':
        lines.append('  broadcast: every interface on the LAN accepts it')
    elif ig:
        lines.append('  group address: it names a group of interfaces, not one NIC')
    elif ul:
        lines.append('  locally administered (e.g. randomized): no OUI, no vendor')
    else:
        oui, nic = mac[:3].hex(':'), mac[3:].hex(':')
        lines.append(f'  OUI {oui}, NIC-specific part {nic}')
        lines.append('  (for an MA-L block; MA-M and MA-S prefixes are 28 and 36 bits long)')
    return lines


def show(text: str) -> None:
    mac = parse(text)
    print(f'{text} -> {mac.hex(":")}')
    for line in dissect(mac):
        print(line)


SAMPLES = [
    '00-00-5E-00-53-01',   # 文档专用，全球唯一单播 · documentation address, global unicast
    'a6:3f:1c:9e:20:7b',   # 第二位是 6：随机化的本地地址 · second digit 6: a randomized local address
    '01005e0000fb',        # IPv4 组播 224.0.0.251（mDNS）· IPv4 multicast 224.0.0.251 (mDNS)
    '33:33:00:00:00:01',   # IPv6 组播：所有节点 · IPv6 multicast: all nodes
    'ff:ff:ff:ff:ff:ff',   # 广播 · broadcast
]
BAD = ['00:00:5e:00:53', '00:00:5e:00:53:zz', '00:00:5e-00-53-01']

if __name__ == '__main__':
    if len(sys.argv) > 1:                 # 命令行给了地址就只拆这些 · addresses given: dissect those
        try:
            for arg in sys.argv[1:]:
                show(arg)
        except ValueError as e:
            sys.exit(f'error: {e}')       # 打到 stderr，退出码 1 · printed to stderr, exit status 1
    else:
        for text in SAMPLES:
            show(text)
        for text in BAD:
            try:
                parse(text)
            except ValueError as e:
                print(f'rejected: {e}')
