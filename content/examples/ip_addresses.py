"""IP 地址：三种写法、分类、在不在同一链路
IP addresses: three notations, kinds of address, on-link or not.

只用标准库 ipaddress · standard library ipaddress only.
"""
import ipaddress
from ipaddress import IPv4Address, IPv4Interface, IPv6Address

# 特殊用途地址段。顺序要紧：255.255.255.255 也在 240/4 里，所以先查它
# Special-purpose blocks. Order matters: 255.255.255.255 is also in 240/4.
SPECIAL = [
    ('0.0.0.0/8', 'this network', 'RFC 1122'),
    ('255.255.255.255/32', 'broadcast', 'RFC 919'),
    ('10.0.0.0/8', 'private', 'RFC 1918'),
    ('172.16.0.0/12', 'private', 'RFC 1918'),
    ('192.168.0.0/16', 'private', 'RFC 1918'),
    ('100.64.0.0/10', 'shared (CGN)', 'RFC 6598'),
    ('127.0.0.0/8', 'loopback', 'RFC 1122'),
    ('169.254.0.0/16', 'link-local', 'RFC 3927'),
    ('224.0.0.0/4', 'multicast', 'RFC 5771'),
    ('240.0.0.0/4', 'reserved', 'RFC 1112'),
]
SPECIAL = [(ipaddress.ip_network(n), kind, rfc) for n, kind, rfc in SPECIAL]


def to_binary(addr: IPv4Address) -> str:
    """32 位二进制，每 8 位一组 · 32 bits in groups of 8."""
    bits = format(int(addr), '032b')
    return '.'.join(bits[i:i + 8] for i in range(0, 32, 8))


def classify(addr: IPv4Address):
    """查表：落在哪个特殊段里 · look the address up in the table."""
    for net, kind, rfc in SPECIAL:
        if addr in net:
            return kind, f'{net} ({rfc})'
    return 'global', '-'           # 不在表里：公网地址 · in no block: public


def next_hop(host: IPv4Interface, gateway: IPv4Address, dst: IPv4Address):
    """掩码比较：同一网络就 ARP 目标本身，否则 ARP 网关。
    Mask compare: same network -> ARP for the target, else for the gateway."""
    masked = IPv4Address(int(dst) & int(host.netmask))   # 按位与 · AND
    if masked == host.network.network_address:
        return masked, f'on-link: ARP for {dst} itself'
    return masked, f'off-link: ARP for gateway {gateway}'


def main() -> None:
    print('== dotted <-> integer <-> binary ==')
    for text in ['192.168.1.10', '10.0.0.1', '0.0.0.0', '255.255.255.255']:
        addr = IPv4Address(text)
        print(f'{text:<15} = {int(addr):>10} = {to_binary(addr)}')
    n = 3232235786
    print(f'{n} -> {IPv4Address(n)}')        # 整数变回来 · and back again

    print('== IPv6: 128 bits, RFC 5952 short form ==')
    for text in ['2001:0DB8:0000:0000:0000:0000:0000:0001',
                 '2001:db8:0:0:1:0:0:1',
                 '2001:db8:0:1:1:1:1:1',
                 '0:0:0:0:0:0:0:1']:
        addr = IPv6Address(text)
        # 小写、去前导 0、最长一串 0 写成 ::
        # lowercase, no leading zeros, the longest run of zeros -> ::
        print(f'{text} -> {addr.compressed}')

    print('== kinds of address ==')
    for text in ['0.0.0.0', '10.1.2.3', '172.16.5.4', '172.31.255.255',
                 '172.32.0.1', '192.168.1.10', '100.64.0.1', '127.0.0.1',
                 '169.254.10.20', '224.0.0.251', '240.0.0.1',
                 '255.255.255.255', '8.8.8.8']:
        addr = IPv4Address(text)
        kind, block = classify(addr)
        # is_private 的意思是“不可全球路由”，比 RFC 1918 宽得多
        # is_private means "not globally reachable", far wider than RFC 1918
        flag = addr.is_private
        print(f'{text:<15} {kind:<13} {block:<30} is_private={flag}')

    print('== on my link? ==')
    for host, gateway, targets in [
        ('192.168.1.10/24', '192.168.1.1',
         ['192.168.1.20', '192.168.2.20', '8.8.8.8']),
        ('172.16.5.4/20', '172.16.0.1', ['172.16.12.9', '172.16.18.1']),
    ]:
        iface, gw = IPv4Interface(host), IPv4Address(gateway)
        net = iface.network.network_address
        print(f'host {iface}: mask {iface.netmask}, network {net}, '
              f'gateway {gw}')
        for text in targets:
            masked, verdict = next_hop(iface, gw, IPv4Address(text))
            print(f'  {text:<13} & mask = {str(masked):<12} -> {verdict}')


if __name__ == '__main__':
    main()
