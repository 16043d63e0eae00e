pragma circom 2.0.0;

template Square() {
    signal input in;
    signal output out;
    out <== in * in;
}

template Main() {
    signal input a;
    signal input b;
    signal input k;
    signal output c;
    signal output d;
    signal t;
    component s = Square();
    s.in <== a + 3 * b;
    t <== a * b;
    c <== t * k + s.out;
    d <== 7 * a - b;
}

component main {public [a]} = Main();
