"""UDP 套接字上的 connect() · connect() on a UDP socket.

不发任何报文，但之后：只收这个对端的数据报；对端端口不可达的 ICMP 报错会让 recv 抛出 ConnectionRefusedError。
It sends nothing, but afterwards the socket takes datagrams from that peer only, and an ICMP
"port unreachable" for it makes recv raise ConnectionRefusedError.
"""
import socket

UDP = (socket.AF_INET, socket.SOCK_DGRAM)

with socket.socket(*UDP) as peer, socket.socket(*UDP) as stranger, socket.socket(*UDP) as me:
    peer.bind(('127.0.0.1', 0))
    stranger.bind(('127.0.0.1', 0))
    me.connect(peer.getsockname())              # 从此只收这个对端的 · this peer only, from now on
    me.settimeout(0.5)
    stranger.sendto(b'from a stranger', me.getsockname())   # 先到，被内核丢掉 · first, dropped
    peer.sendto(b'from the peer', me.getsockname())
    print('connected: recv ->', me.recv(100))
    try:
        me.recv(100)
    except TimeoutError:
        print("connected: the stranger's datagram never arrives")

with socket.socket(*UDP) as gone:
    gone.bind(('127.0.0.1', 0))
    closed = gone.getsockname()                 # 关掉后这个端口没人听 · nobody listens here now

with socket.socket(*UDP) as loose, socket.socket(*UDP) as tied:
    loose.settimeout(0.5)
    loose.sendto(b'ping', closed)               # 没 connect：ICMP 报错不上报 · not connected
    try:
        loose.recvfrom(100)
    except TimeoutError:
        print('not connected: recvfrom -> timeout, no error')
    tied.settimeout(0.5)
    tied.connect(closed)
    tied.send(b'ping')
    try:
        tied.recv(100)
    except ConnectionRefusedError:
        print('connected: recv -> ConnectionRefusedError')
