import './sign.css';
