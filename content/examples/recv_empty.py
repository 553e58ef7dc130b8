"""recv 返回 b'' 的四种情况 · Four ways for recv to return b''.

对方正常关闭（FIN）；对方复位（RST）之后；自己 shutdown(SHUT_RD) 之后；以及 recv(0)。
The peer closed (FIN); after the peer's reset (RST); after our own shutdown(SHUT_RD); and recv(0).
"""
import socket
import struct
import time


def connected_pair():
    with socket.create_server(('127.0.0.1', 0)) as server:     # 端口 0：系统挑 · port 0: the OS picks
        a = socket.create_connection(server.getsockname())
        b, _ = server.accept()
    return a, b


a, b = connected_pair()
a.close()                                       # 发 FIN · sends a FIN
print('FIN: recv ->', b.recv(1024))
b.close()

a, b = connected_pair()
a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
a.close()                                       # linger 0：发 RST · linger 0: sends an RST
time.sleep(0.1)
try:
    b.recv(1024)
except ConnectionResetError:
    print('RST: 1st recv -> ConnectionResetError')
print('RST: 2nd recv ->', b.recv(1024))
b.close()

a, b = connected_pair()
b.shutdown(socket.SHUT_RD)                      # 自己不再读；对方还连着 · we stop reading; the peer stays
print('SHUT_RD: recv ->', b.recv(1024))
a.close()
b.close()

a, b = connected_pair()
a.sendall(b'x')
print('recv(0) ->', b.recv(0), '| recv(1) ->', b.recv(1))   # 连接好好的 · the connection is fine
a.close()
b.close()
